import { docxText } from '../../../platform/documents/docx-text.js';
import { checkedText, textOfFile } from '../../../platform/documents/text-file.js';
import { NotAPlanError, parsePlan, type ParsedPlan } from './parse-plan.js';

/** A plan document as it arrives: pasted or posted text, or an uploaded file (.txt or .docx). */
export type PlanSource = { text: string } | { file: Uint8Array };

/** The document's text and what was recognised in it; `parsed` is null when it is not a plan. */
export interface PlanReading {
  text: string;
  parsed: ParsedPlan | null;
  /** Sections not found (1–5) when the text is not a plan. */
  missingSections: number[] | null;
}

/** A ZIP archive (a .docx) begins with a local file header, or the end record when empty. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/**
 * Reads a plan document: unzips a .docx and turns its XML into text, or checks a text file, then
 * recognises the plan's parts. Runs in a document worker (read-document.worker.ts): each step
 * works on hostile input, so it runs under the workers' memory and time limits.
 */
export async function readPlanDocument(source: PlanSource): Promise<PlanReading> {
  const text = 'text' in source ? checkedText(source.text) : isZip(source.file) ? await docxText(source.file) : textOfFile(source.file);
  try {
    return { text, parsed: parsePlan(text), missingSections: null };
  } catch (error) {
    if (error instanceof NotAPlanError) return { text, parsed: null, missingSections: error.missing };
    throw error;
  }
}
