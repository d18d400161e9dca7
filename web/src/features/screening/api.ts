import { type ApiResult, requestApi, uploadApi } from '../../api/client.js';

/** How an attribute of the query compares with the designation. */
export interface AttributeCheck {
  status: 'agree' | 'close' | 'conflict' | 'unknown';
  listed: string[];
}

/** One ranked candidate of `POST /api/v1/screening/screen`. */
export interface Candidate {
  referenceNumber: string;
  kind: 'individual' | 'entity';
  name: string;
  regime: string;
  listedOn: string | null;
  score: number;
  nameScore: number;
  level: 'confident' | 'review';
  queryName: string;
  matchedName: string;
  matchedSource: 'name' | 'alias' | 'original_script';
  matchedQuality?: string;
  alignment: string[];
  birth: AttributeCheck;
  nationality: AttributeCheck;
  document: AttributeCheck;
}

/** The answer to one screening. */
export interface ScreenResult {
  listId: string;
  listGeneratedAt: string;
  thresholds: { confident: number; review: number };
  candidates: Candidate[];
}

/** One imported version of the list. */
export interface ListVersion {
  id: string;
  generatedAt: string;
  importedAt: string;
  importedBy: string;
  sourceName: string;
  active: boolean;
  individuals: number;
  entities: number;
  aliases: number;
  originalScriptNames: number;
  previousId: string | null;
  added: number;
  removed: number;
  amended: number;
}

/** Differences between two versions. */
export interface ListDiff {
  from: string;
  to: string;
  added: number;
  removed: number;
  amended: number;
  changes: Array<{
    referenceNumber: string;
    change: 'added' | 'removed' | 'amended';
    name: string;
    fields: string[];
  }>;
}

/** A batch and its progress. */
export interface Batch {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  confident: number;
  review: number;
  error: string | null;
}

/** Screening of a person named in a received message. */
export interface SubjectFlag {
  entityId: string;
  names: string[];
  level: 'confident' | 'review' | null;
  topScore: number | null;
  candidates: Candidate[];
}

/** The query of the screening form. */
export interface ScreenQuery {
  names: string[];
  birthDate?: string;
  nationalities?: string[];
  documents?: string[];
}

export const screen = (query: ScreenQuery, purpose: string): Promise<ApiResult<ScreenResult>> =>
  requestApi('/screening/screen', { method: 'POST', body: { query, purpose } });

export const listVersions = (): Promise<ApiResult<{ lists: ListVersion[] }>> =>
  requestApi('/screening/lists');

export const listDiff = (id: string): Promise<ApiResult<ListDiff>> =>
  requestApi(`/screening/lists/${id}/diff`);

export const importList = (file: File): Promise<ApiResult<{ list: ListVersion; diff: ListDiff | null }>> =>
  uploadApi(`/screening/lists?name=${encodeURIComponent(file.name)}`, file, { fileName: file.name });

export const startBatch = (csv: string, purpose: string): Promise<ApiResult<Batch>> =>
  requestApi('/screening/batches', { method: 'POST', body: { csv, purpose } });

export const batchProgress = (id: string): Promise<ApiResult<Batch>> =>
  requestApi(`/screening/batches/${id}`);

/** Address of a finished batch's CSV, downloaded with the session cookie. */
export const batchCsvUrl = (id: string): string => `/api/v1/screening/batches/${id}/results?format=csv`;

export const messageFlags = (id: string): Promise<ApiResult<{ flags: SubjectFlag[] }>> =>
  requestApi(`/screening/messages/${id}/flags`);
