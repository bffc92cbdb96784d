/**
 * An Observable Plot figure inside React: the options are declarative, Plot draws SVG (readable by
 * tests and screen readers), and the element is replaced whenever the options change.
 */
import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

export function Chart({ options, className }: { options: PlotOptions; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const figure = Plot.plot(options);
    // The chart is one image with its label (and a data table beside it); Plot also labels its
    // inner groups, which is not allowed on elements without a role.
    for (const svg of [figure, ...figure.querySelectorAll('svg')]) {
      if (svg instanceof SVGSVGElement && svg.hasAttribute('aria-label')) svg.setAttribute('role', 'img');
    }
    for (const el of figure.querySelectorAll('g[aria-label]')) el.removeAttribute('aria-label');
    ref.current?.replaceChildren(figure);
    return () => figure.remove();
  }, [options]);
  return <div ref={ref} className={`chart ${className ?? ''}`} />;
}

export { Plot };
