import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

// Look-ahead for list resolvers: which fields the client asked for below a path, so the list query can fetch
// child lists in the same statement. Fragments are followed; directives (@skip/@include) are not evaluated, so
// a skipped field is at worst fetched and not returned.

function collect(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, out: FieldNode[]): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, info, out);
    else collect(info.fragments[selection.name.value]?.selectionSet, info, out);
  }
}

function childrenAt(fields: readonly FieldNode[], path: string[], info: GraphQLResolveInfo): FieldNode[] {
  let level = [...fields];
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const field of level) {
      const children: FieldNode[] = [];
      collect(field.selectionSet, info, children);
      next.push(...children.filter((child) => child.name.value === name));
    }
    level = next;
  }
  const names: FieldNode[] = [];
  for (const field of level) collect(field.selectionSet, info, names);
  return names;
}

/** Names of fields selected on the nodes of a connection (through edges.node and nodes). */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const path of [['edges', 'node'], ['nodes']]) {
    for (const field of childrenAt(info.fieldNodes, path, info)) names.add(field.name.value);
  }
  return names;
}

/** Whether the field being resolved selects `name` directly (e.g. a connection's totalCount), fragments followed. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const fields: FieldNode[] = [];
  for (const node of info.fieldNodes) collect(node.selectionSet, info, fields);
  return fields.some((field) => field.name.value === name);
}
