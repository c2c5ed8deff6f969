/** A progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise. */
export const progressBar = (label: string) => {
  const isTty = process.stderr.isTTY === true;
  let lastDecile = -1;
  return (done: number, total: number): void => {
    const fraction = total === 0 ? 1 : done / total;
    const percent = Math.floor(fraction * 100);
    if (isTty) {
      const width = 30;
      const filled = Math.round(fraction * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${percent}% ${done}/${total}`,
      );
      if (done >= total) {
        process.stderr.write('\n');
      }
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      process.stderr.write(`${label} ${percent}% (${done}/${total})\n`);
    }
  };
};
