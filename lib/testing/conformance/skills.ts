import { memorySkillFiles, SkillCatalog } from "@modelcontextprotocol/server/ext/skills";

const SKILL_MD = `---
name: gateway-review
description: Reviews a change to the Control Room gateway before it is merged.
---

# Gateway review

Read the checklist in references/CHECKLIST.md, then run the conformance table.
`;

const CHECKLIST = `# Checklist

- Every upstream message for a request reaches the caller.
- Upstream sessions are never shared between callers.
`;

/**
 * One skill for the SEP-2640 skills extension scenarios (the SDK's own
 * extension): a SKILL.md and a file in a subfolder, so skills/list,
 * skills/get, resources/directory/read and the SKILL.md resource all have
 * something to serve.
 */
export function loadConformanceSkills(): Promise<SkillCatalog> {
  return SkillCatalog.load(memorySkillFiles({ "gateway-review/SKILL.md": SKILL_MD, "gateway-review/references/CHECKLIST.md": CHECKLIST }), { strict: true });
}
