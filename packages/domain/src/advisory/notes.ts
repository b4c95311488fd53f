import { z } from "zod";
import { idInput, textInput, textLimits } from "../input.ts";

/**
 * Issue 9 §7: advisory notes and recommendations, on a contract or on the council as a whole, which the council
 * sees and answers (seed 000, "Strategic Partnership Advisory Board": "Continuous system improvement
 * recommendations"). A recommendation asks for a decision; the council's answer may carry one.
 */
export const advisoryNoteKinds = ["note", "recommendation"] as const;
export type AdvisoryNoteKind = (typeof advisoryNoteKinds)[number];
export const advisoryNoteKindLabels: Record<AdvisoryNoteKind, string> = {
  note: "Note",
  recommendation: "Recommendation",
};

export const recommendationDecisions = ["accepted", "partly_accepted", "declined"] as const;
export type RecommendationDecision = (typeof recommendationDecisions)[number];
export const recommendationDecisionLabels: Record<RecommendationDecision, string> = {
  accepted: "Accepted",
  partly_accepted: "Partly accepted",
  declined: "Declined",
};

export const advisoryNoteInput = z.object({
  contractId: idInput.nullable().default(null),
  kind: z.enum(advisoryNoteKinds),
  title: textInput({ max: textLimits.short, min: 1, required: "Give the note a title." }),
  body: textInput({ max: textLimits.long, min: 1, required: "Write the note." }),
});
export type AdvisoryNoteInput = z.infer<typeof advisoryNoteInput>;

export const advisoryReplyInput = z.object({
  noteId: idInput,
  body: textInput({ max: textLimits.long, min: 1, required: "Write the answer." }),
  decision: z.enum(recommendationDecisions).nullable().default(null),
});
export type AdvisoryReplyInput = z.infer<typeof advisoryReplyInput>;

export type AdvisoryNoteStatus = "awaiting_answer" | "answered" | RecommendationDecision;

/**
 * A note is awaiting the council's answer until a council member replies; a recommendation then stands at the
 * council's latest decision (an answer without one leaves it "answered").
 */
export function advisoryNoteStatus(
  note: { kind: AdvisoryNoteKind },
  replies: readonly { fromCouncil: boolean; decision: RecommendationDecision | null }[],
): AdvisoryNoteStatus {
  const answers = replies.filter((reply) => reply.fromCouncil);
  if (answers.length === 0) return "awaiting_answer";
  if (note.kind === "recommendation") {
    const decided = answers.findLast((reply) => reply.decision !== null);
    if (decided?.decision) return decided.decision;
  }
  return "answered";
}

export const advisoryNoteStatusLabels: Record<AdvisoryNoteStatus, string> = {
  awaiting_answer: "Awaiting the council's answer",
  answered: "Answered",
  ...recommendationDecisionLabels,
};
