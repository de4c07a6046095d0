// A teacher's exercise (predict=): the learner's prediction goes to pycore's check (in the
// engine's session), which answers with the verdict and, once the answer is read, the page
// with the answer shown. The verdict stays in view; the worked step is a button away.

export function createExercise({ store, engine, adopt }) {
  const $ = (id) => document.getElementById(id);
  const reduced = matchMedia("(prefers-reduced-motion: reduce)");

  // Scroll a part of the page to the top of the view (smoothly, unless motion is reduced) and
  // give focus to what the learner acts on there.
  function bringToView(part, focus) {
    part.scrollIntoView({ block: "start", behavior: reduced.matches ? "auto" : "smooth" });
    focus?.focus({ preventScroll: true });
  }

  async function check(form) {
    const s = store.get();
    if (s.engine.status !== "live" || s.exercise.checking) return; // one check at a time
    store.update((now) => ({ exercise: { ...now.exercise, checking: true } }));
    try {
      const reply = await engine.call("check", { guess: form.querySelector("input").value, have: store.get().have });
      // the verdict, and the answer once it was read: shown unless the fields changed since
      // (adopt shows no render older than the last change that needs one)
      if (reply.ok && reply.verdict !== null) adopt(reply);
      await store.idle();
      $("prediction")?.focus();
    } finally {
      store.update((now) => ({ exercise: { ...now.exercise, checking: false } }));
    }
  }

  $("predict").addEventListener("submit", (event) => {
    event.preventDefault();
    check(event.target);
  });
  $("predict").addEventListener("click", (event) => {
    const button = event.target.closest("button.to-answer");
    const answer = button && document.querySelector(`#steps-body .step.answer`);
    if (answer) bringToView(answer, answer);
  });
  $("predict-jump").addEventListener("click", () => bringToView($("predict"), $("prediction")));
}
