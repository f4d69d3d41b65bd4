/** Why a write failed, where the reader is looking (an alert, so a screen reader says it at once). */
export function WriteFailure({ message }: { message: string }) {
  if (!message) return null;
  return (
    <p class="error" role="alert" data-testid="write-failure">
      {message}
    </p>
  );
}
