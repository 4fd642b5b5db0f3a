/** An image the HTML shows by `cid:` reference; sent as an inline attachment (RFC 2392). */
export interface InlineImage {
  cid: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What a template produces; who it goes to is the sender's business. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  inlineImages: InlineImage[];
}
