import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as pdf.js reads it, one string per page with runs joined by spaces and
 * whitespace collapsed, so that a test can look for what a printed record must say.
 */
export const pdfText = async (bytes: Uint8Array): Promise<string[]> => {
  const document = await getDocument({ data: Uint8Array.from(bytes), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    pages.push(text.replace(/\s+/g, ' ').trim());
  }
  await document.destroy();
  return pages;
};
