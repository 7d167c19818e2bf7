// Reads a described CSV (docs/API.md, "Files") as a test needs it: the description's
// fields, the table's header and its rows, each row a list of fields (RFC 4180 quotes).
export function readDescribedCsv(text) {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/).map(fields);
  const start = Number(lines.find((l) => l[0] === 'Table starts at row')?.[1]);
  if (!Number.isInteger(start)) throw new Error('not a described CSV: no "Table starts at row" line');
  return { description: new Map(lines.slice(0, start - 3).map(([k, v]) => [k, v])), header: lines[start - 1], rows: lines.slice(start) };
}

function fields(line) {
  const out = [];
  for (let i = 0; i <= line.length;) {
    if (line[i] === '"') {
      let value = '';
      for (i += 1; i < line.length; i += 1) {
        if (line[i] === '"' && line[i + 1] === '"') { value += '"'; i += 1; } else if (line[i] === '"') break; else value += line[i];
      }
      out.push(value);
      i += 2;  // the closing quote and the comma
    } else {
      const end = line.indexOf(',', i) === -1 ? line.length : line.indexOf(',', i);
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}
