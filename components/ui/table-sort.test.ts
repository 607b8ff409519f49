import { describe, expect, it } from "vitest";
import { nextSort, sortDirection, type ColumnSort } from "@/components/ui/table";

const name: ColumnSort = { ascending: "name", descending: "-name" };
const created: ColumnSort = { ascending: "oldest", descending: "newest", first: "descending" };

describe("a sortable column header", () => {
  it("says its direction for aria-sort, none when the list is sorted by another column", () => {
    expect(sortDirection(name, "name")).toBe("ascending");
    expect(sortDirection(name, "-name")).toBe("descending");
    expect(sortDirection(name, "newest")).toBe("none");
  });

  it("picks its first order on a first click, then flips", () => {
    expect(nextSort(name, "newest")).toBe("name");
    expect(nextSort(name, "name")).toBe("-name");
    expect(nextSort(name, "-name")).toBe("name");
    expect(nextSort(created, "name")).toBe("newest");
    expect(nextSort(created, "newest")).toBe("oldest");
  });
});
