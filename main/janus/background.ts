/** Runs `task` without awaiting it, on purpose; a rejection goes to `onError` instead of floating. */
export function runInBackground(task: Promise<unknown>, onError: (error: unknown) => void): void {
  task.catch(onError);
}
