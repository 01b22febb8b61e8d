declare module "bidi-js" {
  type Bidi = {
    getEmbeddingLevels(text: string, direction?: "ltr" | "rtl" | "auto"): { levels: Uint8Array; paragraphs: { start: number; end: number; level: number }[] }
    getMirroredCharactersMap(text: string, levels?: Uint8Array, start?: number, end?: number): Map<number, string>
  }
  const factory: () => Bidi
  export default factory
}

declare module "pdfmake/js/Printer" {
  type FileSystem = { existsSync(name: string): boolean; readFileSync(name: string): Buffer; writeFileSync(name: string, content: Buffer): void }
  class PdfPrinter {
    constructor(fonts: Record<string, Record<string, string>>, virtualfs: FileSystem, urlResolver: unknown, localAccessPolicy?: (path: string) => boolean)
    createPdfKitDocument(definition: Record<string, unknown>, options?: Record<string, unknown>): Promise<NodeJS.ReadableStream & { end(): void }>
  }
  export default PdfPrinter
}

declare module "pdfmake/js/URLResolver" {
  class URLResolver {
    constructor(fs: unknown)
    setUrlAccessPolicy(policy: (url: string) => boolean): void
  }
  export default URLResolver
}

declare module "fontkit" {
  type Font = { unitsPerEm: number; layout(text: string): { advanceWidth: number }; hasGlyphForCodePoint(codePoint: number): boolean }
  export function create(buffer: Buffer): Font
}
