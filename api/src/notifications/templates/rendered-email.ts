/** An image the HTML shows by `cid:` reference; sent as an inline attachment (RFC 2392). */
export interface InlineImage {
  cid: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A file sent with the email (a PDF report), offered to the reader for download rather than shown in the body. */
export interface EmailAttachment {
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
  attachments: EmailAttachment[];
}
