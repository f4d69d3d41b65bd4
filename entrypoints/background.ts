export default defineBackground(() => {
  // The service worker only wires browser events to the core; see utils/ for the logic.
});
