// Placeholder so the target builds; replaced by the issue that builds NewsLensAPI.
enum NewsLensAPIPlaceholder {}
