import { createSignal, type JSX, onCleanup, onMount } from "solid-js";

/**
 * The box around a table that may be wider than the page. When it does scroll sideways it becomes a named,
 * focusable region, so keyboard users can scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable");
 * when it fits, it adds no tab stop.
 */
export function TableWrap(props: { label: string; class?: string; children: JSX.Element }) {
  const [scrolls, setScrolls] = createSignal(false);
  let box: HTMLElement | undefined;
  onMount(() => {
    const measure = () => {
      if (box) setScrolls(box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1);
    };
    const observer = new ResizeObserver(measure);
    if (box) {
      observer.observe(box);
      for (const child of box.children) observer.observe(child);
    }
    measure();
    onCleanup(() => observer.disconnect());
  });
  return (
    <section
      ref={box}
      class={props.class ? `table-wrap ${props.class}` : "table-wrap"}
      tabindex={scrolls() ? 0 : undefined}
      aria-label={scrolls() ? props.label : undefined}
    >
      {props.children}
    </section>
  );
}
