/** A WHERE clause built from optional filters, with its parameters kept in step. */
export type SqlValue = string | number | null;

export class Where {
  private readonly parts: string[] = [];
  readonly params: SqlValue[] = [];

  /** Adds `sql` (with its `?` placeholders) when `value` is given; `value` fills the first placeholder. */
  when(value: SqlValue | undefined, sql: string, ...more: SqlValue[]): this {
    if (value !== undefined) this.add(sql, value, ...more);
    return this;
  }

  add(sql: string, ...params: SqlValue[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
