// Placeholder so the target builds; replaced by the HTTP issue (gzip through zlib).
enum NewsLensCompressionPlaceholder {}
