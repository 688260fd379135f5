import type { Schemas } from "../api/client.ts";

export type PolicyDocumentSummary = Schemas["PolicyDocumentSummary"];
export type PolicyDocument = Schemas["PolicyDocument"];
export type PolicyVersionSummary = Schemas["PolicyVersionSummary"];
export type PolicyVersion = Schemas["PolicyVersion"];
export type PolicySection = Schemas["PolicySection"];
export type PolicyRevision = Schemas["PolicyRevision"];
export type PolicyDiff = Schemas["PolicyVersionDiff"];
export type AcknowledgementItem = Schemas["PolicyAcknowledgementItem"];
export type Completion = Schemas["PolicyAcknowledgementCompletion"];
export type ImportWarning = Schemas["PolicyImportWarning"];

export const versionPath = (id: string) => `/policies/versions/${encodeURIComponent(id)}`;
export const documentPath = (id: string) => `/policies/documents/${encodeURIComponent(id)}`;
