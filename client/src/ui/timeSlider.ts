import { DEFAULT_HOURS, formatHours, hoursToPosition, positionToHours, timeScaleDefaults } from "../state/index.js";
import { debounce, h, replaceChildren } from "./dom.js";

export interface TimeSliderEvents {
  /**
   * The chosen time (null: slider off). `settled` is false while the thumb is still moving,
   * so the app can update the view live but record one history entry per gesture.
   */
  change(hours: number | null, settled: boolean): void;
}

export interface TimeSlider {
  readonly element: HTMLElement;
  set(hours: number | null): void;
  /** The outcome line under the slider, e.g. "12 of 40 claims active at 4 h". */
  setSummary(text: string): void;
}

/** A log-scale time slider from 0.1 h to 30 days, with landmark ticks and a readable label. */
export function createTimeSlider(events: TimeSliderEvents): TimeSlider {
  const scale = timeScaleDefaults;
  const toggle = h("input", {
    testid: "time-toggle",
    attrs: { type: "checkbox", "aria-label": "Show what is active at a time after dosing" },
  });
  const slider = h("input", {
    testid: "time-slider",
    attrs: {
      type: "range",
      min: 0,
      max: scale.steps,
      step: 1,
      value: hoursToPosition(DEFAULT_HOURS),
      "aria-label": "Hours after dosing",
      disabled: true,
    },
  });
  const label = h("output", { class: "time-label", testid: "time-label" }, formatHours(DEFAULT_HOURS));
  const summary = h("span", { class: "time-summary", testid: "time-summary", attrs: { "aria-live": "polite" } });
  const ticks = h("div", { class: "time-ticks", attrs: { "aria-hidden": "true" } });
  replaceChildren(
    ticks,
    ...scale.ticks.map((hours) =>
      h(
        "button",
        {
          class: "time-tick",
          testid: "time-tick",
          attrs: { type: "button", "data-hours": hours, style: `left: ${(hoursToPosition(hours) / scale.steps) * 100}%`, tabindex: -1 },
          on: {
            click: () => {
              toggle.checked = true;
              slider.disabled = false;
              slider.value = String(hoursToPosition(hours));
              update(true);
            },
          },
        },
        formatHours(hours),
      ),
    ),
  );

  const current = () => positionToHours(Number(slider.value));
  const liveChange = debounce(() => events.change(current(), false), 200);

  function update(settled: boolean): void {
    label.textContent = formatHours(current());
    slider.setAttribute("aria-valuetext", `${formatHours(current())} after dosing`);
    if (!toggle.checked) return;
    if (settled) {
      liveChange.cancel();
      events.change(current(), true);
    } else liveChange();
  }

  slider.addEventListener("input", () => update(false));
  slider.addEventListener("change", () => update(true));
  toggle.addEventListener("change", () => {
    slider.disabled = !toggle.checked;
    if (toggle.checked) update(true);
    else events.change(null, true);
  });

  const element = h(
    "section",
    { class: "time-bar", testid: "time-bar" },
    h("label", { class: "time-toggle" }, toggle, " Time after dosing"),
    h("div", { class: "time-track" }, slider, ticks),
    label,
    summary,
  );

  return {
    element,
    set(hours) {
      toggle.checked = hours !== null;
      slider.disabled = hours === null;
      if (hours !== null) slider.value = String(hoursToPosition(hours));
      label.textContent = formatHours(hours ?? current());
      if (hours === null) summary.textContent = "";
    },
    setSummary(text) {
      summary.textContent = text;
    },
  };
}
