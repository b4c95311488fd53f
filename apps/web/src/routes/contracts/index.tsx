import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";

/** Placeholder for the contract register: replaced by the register's own pages. */
export function Contracts() {
  const { council } = useCouncil();
  return (
    <>
      <PageHeading title="Contract register" caption={council().name} />
      <p>The contract register is on its way.</p>
    </>
  );
}
