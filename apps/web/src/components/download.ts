/** Saves text the server sent (an export) as a file, without a second request. */
export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8") {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Saves a file the server sent as base64 (an attachment) under its own name. */
export function downloadBase64(fileName: string, base64: string, type: string) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  downloadBlob(fileName, new Blob([bytes], { type }));
}

function downloadBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
