type Part = string | { filename: string; data: Uint8Array; type?: string };

/**
 * A multipart/form-data body as a browser or `curl -F` sends it, for app.inject. Fields as an
 * object, or as a list of [name, value] pairs when a name repeats (several files in "file").
 */
export async function multipartBody(fields: Record<string, Part> | [string, Part][]): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value.data)], { type: value.type ?? 'application/octet-stream' }), value.filename);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}
