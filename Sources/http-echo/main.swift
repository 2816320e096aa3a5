// Placeholder: replaced by the HTTP issue with an echo server on NewsLensHTTP.
print("http-echo")
