/** The public page of a unit (jednostka): its districts and contacts. */
export function unitUrl(id: string): string {
  return `/jednostki/${id}`;
}
