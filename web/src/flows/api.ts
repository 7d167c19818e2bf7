// Client for the flow endpoints (docs/API.md: /api/v1/flows, /api/v1/flows/countries/{iso3}).
import { get } from '../api';
import type { components } from '../generated/api-types';

type Schemas = components['schemas'];
export type FlowEdge = Schemas['FlowEdge'];
export type FlowNode = Schemas['FlowNode'];
export type FlowGraph = Schemas['FlowGraph'];
export type FlowPoint = FlowGraph['points'][string];
export type Statement = Schemas['Statement'];
export type Place = NonNullable<Statement['origins']>[number];
export type CountryFlows = Schemas['CountryFlows'];

export const flowsApi = {
  graph: (market?: string) => get<FlowGraph>(market ? `flows?market=${encodeURIComponent(market)}` : 'flows'),
  country: (iso3: string) => get<CountryFlows>(`flows/countries/${encodeURIComponent(iso3)}`),
};
