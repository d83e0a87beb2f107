import { readDocumentText } from '../../../platform/documents/document-text.js';
import type { DocumentKind } from '../../../platform/documents/document-kind.js';
import { checkedText } from '../../../platform/documents/text-file.js';
import { NotAPlanError, parsePlans, type ParsedPlan } from './parse-plan.js';

/** A plan document as it arrives: pasted or posted text, or an uploaded file of any accepted kind. */
export type PlanSource = { text: string } | { file: Uint8Array };

/** The document's text and what was recognised in it; `parsed` is null when it is not a plan. */
export interface PlanReading {
  /** What the file was, told from its bytes ('text' for posted text). */
  kind: DocumentKind;
  text: string;
  /** The first plan found (the answer's top-level fields), or null. */
  parsed: ParsedPlan | null;
  /** Every plan found, in document order (a unit's page may publish several). */
  plans: ParsedPlan[];
  /** Sections not found (1–5) when the text is not a plan. */
  missingSections: number[] | null;
}

/**
 * Reads a plan document: turns a file of any accepted kind into text (document-text.ts), then
 * recognises the plans in it. Runs in a document worker (read-document.worker.ts): each step
 * works on hostile input, so it runs under the workers' memory and time limits.
 */
export async function readPlanDocument(source: PlanSource): Promise<PlanReading> {
  const { kind, text } = 'text' in source ? { kind: 'text' as const, text: checkedText(source.text) } : await readDocumentText(source.file);
  try {
    const plans = parsePlans(text);
    return { kind, text, parsed: plans[0] ?? null, plans, missingSections: null };
  } catch (error) {
    if (error instanceof NotAPlanError) return { kind, text, parsed: null, plans: [], missingSections: error.missing };
    throw error;
  }
}
