// Media the content scenarios return. They check only the block shape and
// mimeType, so the smallest valid files do: a 1×1 PNG and a WAV of four
// silent 16-bit samples (both generated for this fixture).
export const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGOQm/AfAAJ9Aa5x8yHNAAAAAElFTkSuQmCC";
export const WAV_BASE64 = "UklGRiwAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQgAAAAAAAAAAAAAAA==";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
