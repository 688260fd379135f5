// The attachment half of the 無害化 engine: what the message engine and the release workflow use.
export { type DetectedType, detectType } from "./detect-type.ts";
export { sanitizeAttachment, sanitizeAttachments } from "./sanitize-attachments.ts";
export { closeWorkerPool } from "./worker-pool.ts";
