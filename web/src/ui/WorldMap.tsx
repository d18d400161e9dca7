import type { GeoPermissibleObjects } from 'd3-geo';
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import { useId, useMemo } from 'react';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:110m countries (public domain), bundled by the build: the map never asks a tile server.
import countriesTopology from 'world-atlas/countries-110m.json';

/** One place drawn on a {@link WorldMap}. */
export interface WorldMapPoint {
  /** Stable id; legs refer to points by it. */
  id: string;
  /** Latitude in decimal degrees (−90…90). */
  lat: number;
  /** Longitude in decimal degrees (−180…180). */
  lon: number;
  /** Text shown on hover and read by screen readers; already translated. */
  label: string;
  /** Visual weight: a point with a larger value is drawn larger (e.g. number of dead and missing). */
  weight?: number;
  /** Draws the point in the emphasis colour. */
  highlighted?: boolean;
}

/** A line between two points of the map (a route leg), drawn along the great circle. */
export interface WorldMapLeg {
  /** Id of the starting {@link WorldMapPoint}. */
  from: string;
  /** Id of the ending {@link WorldMapPoint}. */
  to: string;
  /** Text read by screen readers; already translated. */
  label?: string;
  /** Dashed line, e.g. for an estimated or planned leg. */
  dashed?: boolean;
}

/** A free line through several places, each `[lat, lon]`. */
export interface WorldMapPolyline {
  coordinates: ReadonlyArray<readonly [number, number]>;
  label?: string;
  dashed?: boolean;
}

/** Props of {@link WorldMap}. */
export interface WorldMapProps {
  /** Accessible name of the map (already translated). */
  title: string;
  points: readonly WorldMapPoint[];
  legs?: readonly WorldMapLeg[];
  polylines?: readonly WorldMapPolyline[];
  /** Width/height of the drawing in SVG units; the SVG scales to its container's width. */
  width?: number;
  height?: number;
  /** Zoom to the points (default) or show the whole world. */
  fit?: 'points' | 'world';
  /** Called with the id of a point the user activates (click, Enter or Space). */
  onSelectPoint?: (id: string) => void;
  /** Id of the selected point, drawn with a ring. */
  selectedId?: string;
  testId?: string;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

const topology = countriesTopology as unknown as CountriesTopology;
const countryShapes: FeatureCollection = feature(topology, topology.objects.countries) as FeatureCollection;
const borderMesh = mesh(topology, topology.objects.countries, (a, b) => a !== b);
const graticule = geoGraticule10();

/** Degrees added around the points when zooming so the coast around them stays readable. */
const FIT_MARGIN_DEGREES = 4;

function validPoint(point: WorldMapPoint): boolean {
  return (
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lon) &&
    Math.abs(point.lat) <= 90 &&
    Math.abs(point.lon) <= 180
  );
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** The area the projection is fitted to: the points with a margin, or the whole sphere. */
function fitTarget(points: readonly WorldMapPoint[], fit: 'points' | 'world'): GeoPermissibleObjects {
  if (fit === 'world' || points.length === 0) return { type: 'Sphere' };
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const south = clamp(Math.min(...lats) - FIT_MARGIN_DEGREES, -85, 85);
  const north = clamp(Math.max(...lats) + FIT_MARGIN_DEGREES, -85, 85);
  const west = clamp(Math.min(...lons) - FIT_MARGIN_DEGREES, -180, 180);
  const east = clamp(Math.max(...lons) + FIT_MARGIN_DEGREES, -180, 180);
  const box: MultiPoint = {
    type: 'MultiPoint',
    coordinates: [
      [west, south],
      [east, north],
      [west, north],
      [east, south],
    ],
  };
  return box;
}

function radiusFor(weight: number | undefined, maxWeight: number): number {
  if (weight === undefined || weight <= 0 || maxWeight <= 0) return 4;
  return 4 + 8 * Math.sqrt(weight / maxWeight);
}

/**
 * An offline world map: Natural Earth country shapes bundled with the application, projected with
 * d3-geo (Natural Earth projection), with labelled points and optional legs between them. No tile
 * server, no network request. Points are keyboard-focusable buttons when `onSelectPoint` is given.
 */
export function WorldMap({
  title,
  points,
  legs = [],
  polylines = [],
  width = 960,
  height = 500,
  fit = 'points',
  onSelectPoint,
  selectedId,
  testId,
}: WorldMapProps) {
  const titleId = useId();
  const shown = useMemo(() => points.filter(validPoint), [points]);
  const drawing = useMemo(() => {
    const projection = geoNaturalEarth1().fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      fitTarget(shown, fit),
    );
    const path = geoPath(projection);
    const byId = new Map(shown.map((p) => [p.id, p]));
    const legPaths = legs.flatMap((leg) => {
      const from = byId.get(leg.from);
      const to = byId.get(leg.to);
      if (from === undefined || to === undefined) return [];
      const line: Feature<Geometry> = {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'LineString',
          coordinates: [
            [from.lon, from.lat],
            [to.lon, to.lat],
          ],
        },
      };
      return [
        { key: `${leg.from}->${leg.to}`, d: path(line) ?? '', label: leg.label, dashed: leg.dashed === true },
      ];
    });
    const polylinePaths = polylines.map((polyline, index) => ({
      key: `polyline-${index}`,
      d:
        path({
          type: 'LineString',
          coordinates: polyline.coordinates.map(([lat, lon]) => [lon, lat]),
        }) ?? '',
      label: polyline.label,
      dashed: polyline.dashed === true,
    }));
    const maxWeight = Math.max(0, ...shown.map((p) => p.weight ?? 0));
    const markers = shown.flatMap((point) => {
      const xy = projection([point.lon, point.lat]);
      if (xy === null) return [];
      return [{ point, x: xy[0], y: xy[1], r: radiusFor(point.weight, maxWeight) }];
    });
    return {
      sphere: path({ type: 'Sphere' }) ?? '',
      graticule: path(graticule) ?? '',
      countries: countryShapes.features.map((country, index) => ({
        key: String(country.id ?? index),
        d: path(country) ?? '',
      })),
      borders: path(borderMesh) ?? '',
      legPaths,
      polylinePaths,
      markers,
    };
  }, [shown, legs, polylines, width, height, fit]);

  return (
    <figure className="world-map" data-testid={testId} style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={titleId}
        style={{ width: '100%', height: 'auto', display: 'block', background: 'var(--accent-soft, #e3ecf8)' }}
      >
        <title id={titleId}>{title}</title>
        <defs>
          <clipPath id={`${titleId}-clip`}>
            <rect x={0} y={0} width={width} height={height} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${titleId}-clip)`}>
          <path d={drawing.sphere} style={{ fill: 'var(--accent-soft, #e3ecf8)', stroke: 'none' }} />
          <path d={drawing.graticule} style={{ fill: 'none', stroke: '#ffffff', strokeWidth: 0.5 }} />
          <g>
            {drawing.countries.map((country) => (
              <path
                key={country.key}
                d={country.d}
                style={{ fill: 'var(--surface, #ffffff)', stroke: 'var(--line, #c3cad4)', strokeWidth: 0.5 }}
              />
            ))}
          </g>
          <path
            d={drawing.borders}
            style={{ fill: 'none', stroke: 'var(--line-strong, #6b7684)', strokeWidth: 0.4 }}
          />
          {[...drawing.polylinePaths, ...drawing.legPaths].map((line) => (
            <path
              key={line.key}
              d={line.d}
              data-testid="world-map-leg"
              style={{
                fill: 'none',
                stroke: 'var(--accent, #1a4fa0)',
                strokeWidth: 2,
                strokeDasharray: line.dashed ? '6 4' : undefined,
              }}
            >
              {line.label ? <title>{line.label}</title> : null}
            </path>
          ))}
          {drawing.markers.map(({ point, x, y, r }) => {
            const selected = point.id === selectedId;
            const shapes = (
              <>
                <title>{point.label}</title>
                {selected ? (
                  <circle
                    cx={x}
                    cy={y}
                    r={r + 4}
                    style={{ fill: 'none', stroke: 'var(--ink, #16202c)', strokeWidth: 2 }}
                  />
                ) : null}
                <circle
                  cx={x}
                  cy={y}
                  r={r}
                  style={{
                    fill: point.highlighted ? 'var(--danger, #9b1c1c)' : 'var(--accent, #1a4fa0)',
                    fillOpacity: 0.75,
                    stroke: '#ffffff',
                    strokeWidth: 1,
                  }}
                />
              </>
            );
            if (onSelectPoint === undefined) {
              return (
                <g key={point.id} data-testid="world-map-point" data-point-id={point.id}>
                  {shapes}
                </g>
              );
            }
            return (
              // biome-ignore lint/a11y/useSemanticElements: an HTML <button> cannot live inside an SVG drawing
              <g
                key={point.id}
                data-testid="world-map-point"
                data-point-id={point.id}
                role="button"
                tabIndex={0}
                aria-label={point.label}
                aria-pressed={selected}
                onClick={() => onSelectPoint(point.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    onSelectPoint(point.id);
                  }
                }}
                style={{ cursor: 'pointer' }}
              >
                {shapes}
              </g>
            );
          })}
        </g>
      </svg>
    </figure>
  );
}
