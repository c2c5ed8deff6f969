/** Where an append (or a disclosure) stands, for the screen to word in the person's language. */
export type AppendStep =
  | { readonly kind: 'directory' }
  | { readonly kind: 'upload'; readonly name: string; readonly number: number; readonly of: number }
  | { readonly kind: 'sealing' }
  | { readonly kind: 'resealing'; readonly attempt: number }
  | { readonly kind: 'resending'; readonly send: number }
  | { readonly kind: 'receipt' }
  | { readonly kind: 'disclosureStream' }
  | { readonly kind: 'disclosureKeys' };
