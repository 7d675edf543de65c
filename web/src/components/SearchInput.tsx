interface Props {
  id: string;
  /** Read by screen readers only. */
  label: string;
  placeholder: string;
  testId: string;
  query: string;
  onQuery(q: string): void;
}

/** A song search box with a visually hidden label, bound to the query it edits. */
export function SearchInput({ id, label, placeholder, testId, query, onQuery }: Props) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        placeholder={placeholder}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        data-testid={testId}
        autoComplete="off"
      />
    </>
  );
}
