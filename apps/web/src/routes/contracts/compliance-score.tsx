/** A compliance score (share of obligations met) with a word for its band, not colour alone. */
export function ComplianceScore(props: { score: number | null }) {
  const band = (score: number) => (score >= 80 ? "good" : score >= 50 ? "fair" : "poor");
  return (
    <>
      {props.score === null ? (
        <span class="muted">
          —<span class="visually-hidden">no score</span>
        </span>
      ) : (
        <span class={`score score--${band(props.score)}`}>
          {props.score}%<span class="visually-hidden"> of obligations met</span>
        </span>
      )}
    </>
  );
}
