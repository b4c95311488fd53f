/** An email address that wraps only before its "@", never mid-name. */
export function Email(props: { address: string }) {
  const at = () => props.address.lastIndexOf("@");
  return (
    <span class="email">
      <span class="nowrap">{at() > 0 ? props.address.slice(0, at()) : props.address}</span>
      {at() > 0 ? (
        <>
          <wbr />
          <span class="nowrap">{props.address.slice(at())}</span>
        </>
      ) : null}
    </span>
  );
}
