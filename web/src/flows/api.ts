// Client for the flow endpoints (docs/API.md: /api/v1/flows, /api/v1/flows/countries/{iso3}).
import { get } from '../api';

export interface FlowEvidence { country: string; edition: string; section: string; sentence: number; begin: number; end: number; text: string }
export interface FlowEdge {
  market: string; from: string; to: string; from_name: string; to_name: string;
  statements: number; confidence: number; hedged: boolean; countries: string[]; evidence: FlowEvidence[];
}
export interface FlowNode { code: string; name: string; market: string; in_degree: number; out_degree: number; betweenness: number }
export interface FlowPoint { name: string; lat: number | null; lon: number | null }
export interface FlowGraph { narratives: number; markets: string[]; edges: FlowEdge[]; nodes: FlowNode[]; points: Record<string, FlowPoint> }

export interface Place { code: string; name: string }
export interface Statement {
  kind: 'market' | 'role' | 'flow' | 'actor' | 'trend';
  market?: string; actor?: string; role?: string;
  origins?: Place[]; via?: Place[]; destinations?: Place[]; modes?: string[]; crossings?: string[]; route?: string;
  direction?: string; figure?: string | null; period?: string | null;
  confidence: number; hedged: boolean; negated: boolean; qualifiers: string[]; notes: string[];
  evidence: { section: string; sentence: number; cue: string; text: string }[];
}
export interface CountryFlows {
  iso3: string; name: string;
  narratives: { country: string; edition: string; statements: Statement[] }[];
  edges: FlowEdge[]; metrics: FlowNode[];
}

export const flowsApi = {
  graph: (market?: string) => get<FlowGraph>(market ? `flows?market=${encodeURIComponent(market)}` : 'flows'),
  country: (iso3: string) => get<CountryFlows>(`flows/countries/${encodeURIComponent(iso3)}`),
};
