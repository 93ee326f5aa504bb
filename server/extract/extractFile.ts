/**
 * One plan document file → extraction, the way `dxpulse extract` and the evaluation read it: the
 * file's bytes through the document readers, the offline registry, and diacritic restoration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractPlan } from '../../domain/extract/extractPlan.ts';
import { toOutput, type ExtractOutput } from '../../domain/extract/output.ts';
import type { ExtractionResult } from '../../domain/extract/types.ts';
import { readPlanDocument } from './readDocument.ts';
import { ocrRestorer } from './restorer.ts';
import { staticRegistry } from './staticRegistry.ts';

export async function extractDocumentFile(file: string): Promise<{ result: ExtractionResult; output: ExtractOutput; format: string }> {
  const bytes = fs.readFileSync(file);
  const read = await readPlanDocument(bytes, path.basename(file));
  const registry = staticRegistry();
  const result = extractPlan(read.text, { agencies: registry.agencies, places: registry.places, restorer: ocrRestorer() });
  result.warnings.push(...read.warnings);
  return { result, output: toOutput(result), format: read.format };
}
