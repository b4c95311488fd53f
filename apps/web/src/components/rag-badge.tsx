import { type RagStatus, ragStatusLabels } from "@steward/domain";
import styles from "./rag-badge.module.css";

/** A month's RAG status as a tag ("Amber"); "Not set" when there is none. */
export function RagBadge(props: { status: RagStatus | null }) {
  return (
    <span class={`tag ${props.status ? styles[props.status] : styles.notSet}`}>
      {props.status ? ragStatusLabels[props.status] : "Not set"}
    </span>
  );
}
