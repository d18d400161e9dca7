import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { GraphEntity, GraphLink } from './api.js';
import { iconFor } from './role-icons.js';

/** What the chart highlights: a path, and brokers by their betweenness in [0, 1]. */
export interface ChartHighlight {
  entities: ReadonlySet<string>;
  links: ReadonlySet<string>;
  brokers: ReadonlyMap<string, number>;
}

/** Props of {@link LinkChart}. */
export interface LinkChartProps {
  entities: readonly GraphEntity[];
  links: readonly GraphLink[];
  highlight: ChartHighlight;
  /** Accessible name of the chart. */
  label: string;
  onSelect?: (entityId: string) => void;
}

/** Above this many entities the force layout gives way to a concentric one (by degree). */
const FORCE_LAYOUT_MAX = 400;

function elements(entities: readonly GraphEntity[], links: readonly GraphLink[]): ElementDefinition[] {
  const ids = new Set(entities.map((e) => e.id));
  return [
    ...entities.map((e) => ({
      data: { id: e.id, label: e.label, icon: iconFor(e.kind, e.role), kind: e.kind, role: e.role ?? '' },
    })),
    ...links
      .filter((l) => ids.has(l.from) && ids.has(l.to))
      .map((l) => ({
        data: {
          id: l.id,
          source: l.from,
          target: l.to,
          type: l.type,
          label: `${l.type.replace(/_/g, ' ')}${l.at ? ` ${l.at}` : ''}`,
        },
      })),
  ];
}

/**
 * The link chart (cytoscape): entities drawn with their role's icon, directed links labelled
 * with type and date; a path and brokers highlighted on request.
 */
export function LinkChart({ entities, links, highlight, label, onSelect }: LinkChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    const big = entities.length > FORCE_LAYOUT_MAX;
    const instance = cytoscape({
      container: container.current,
      elements: elements(entities, links),
      wheelSensitivity: 0.3,
      // Big charts stay interactive: no labels on edges, no textures during pan and zoom.
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      style: [
        {
          selector: 'node',
          style: {
            'background-image': 'data(icon)',
            'background-fit': 'cover',
            'background-opacity': 0,
            width: 28,
            height: 28,
            label: 'data(label)',
            'font-size': 9,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'min-zoomed-font-size': 7,
          },
        },
        {
          selector: 'edge',
          style: {
            width: 1.2,
            'line-color': '#9ca3af',
            'target-arrow-color': '#9ca3af',
            'target-arrow-shape': 'triangle',
            'curve-style': big ? 'haystack' : 'bezier',
            label: big ? '' : 'data(label)',
            'font-size': 7,
            'text-rotation': 'autorotate',
            color: '#4b5563',
            'min-zoomed-font-size': 8,
          },
        },
        {
          selector: 'node.path',
          style: { 'border-width': 4, 'border-color': '#dc2626', width: 36, height: 36 },
        },
        {
          selector: 'edge.path',
          style: { width: 4, 'line-color': '#dc2626', 'target-arrow-color': '#dc2626' },
        },
        { selector: 'node.broker', style: { 'border-width': 5, 'border-color': '#7c3aed' } },
        { selector: '.faded', style: { opacity: 0.25 } },
      ],
      layout: big
        ? { name: 'concentric', concentric: (n) => n.degree(false), levelWidth: () => 2, animate: false }
        : {
            name: 'cose',
            animate: false,
            randomize: false,
            nodeRepulsion: () => 9000,
            idealEdgeLength: () => 90,
          },
    });
    instance.on('tap', 'node', (e) => select.current?.(e.target.id()));
    cy.current = instance;
    (container.current as HTMLDivElement & { cy?: Core }).cy = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, [entities, links]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.batch(() => {
      instance.elements().removeClass('path broker faded');
      const hasPath = highlight.entities.size > 0;
      instance.nodes().forEach((n) => {
        const score = highlight.brokers.get(n.id());
        if (score !== undefined) {
          n.addClass('broker');
          n.style({ width: 24 + 40 * score, height: 24 + 40 * score });
        } else n.removeStyle('width height');
        if (hasPath) n.addClass(highlight.entities.has(n.id()) ? 'path' : 'faded');
      });
      instance.edges().forEach((e) => {
        if (hasPath) e.addClass(highlight.links.has(e.id()) ? 'path' : 'faded');
      });
    });
  }, [highlight]);

  return (
    <div ref={container} className="link-chart" role="img" aria-label={label} data-testid="case-link-chart" />
  );
}
