// A playlist's schedules show only the fields of the repeat each one has chosen.
const FIELDS = {
  weekly: ["weekdays"],
  monthly: ["ordinal", "ordinal_weekday"],
  yearly: ["month_day", "month"],
  custom: ["custom_rule"],
};
const REPEAT = 'input[name^="schedules-"][name$="-repeat"]';

function show(radio) {
  const prefix = radio.name.slice(0, -"repeat".length);
  const shown = FIELDS[radio.value] || [];
  for (const name of Object.values(FIELDS).flat()) {
    const input = document.querySelector(`[name="${prefix}${name}"]`);
    const wrapper = input && input.closest(".w-panel__wrapper");
    if (wrapper) wrapper.style.display = shown.includes(name) ? "" : "none";
  }
}

function showAll() {
  document.querySelectorAll(`${REPEAT}:checked`).forEach(show);
}

document.addEventListener("change", (event) => {
  if (event.target.matches(REPEAT)) show(event.target);
});
document.addEventListener("w-formset:added", showAll);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showAll);
else showAll();
