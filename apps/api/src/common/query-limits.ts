import { ASTVisitor, FieldNode, GraphQLError, Kind, SelectionSetNode, ValidationContext } from 'graphql';

/**
 * Refuses GraphQL documents nested deeper than `maxDepth` or selecting more than
 * `maxFields` fields in all (aliases included), before anything is executed, so one
 * request cannot fan out into an expensive query.
 */
export function queryLimits(maxDepth: number, maxFields: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.flatMap((d) =>
          d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
        ),
    );
    const measure = (
      set: SelectionSetNode,
      depth: number,
      seen: Set<string>,
    ): { depth: number; fields: number } => {
      let deepest = depth;
      let fields = 0;
      for (const selection of set.selections) {
        let inner: SelectionSetNode | undefined;
        let nextDepth = depth;
        // Fragments on the path to this selection (a cycle guard; siblings do not share it).
        let path = seen;
        if (selection.kind === Kind.FIELD) {
          fields++;
          inner = (selection as FieldNode).selectionSet;
          nextDepth = depth + 1;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          inner = selection.selectionSet;
        } else {
          const name = selection.name.value;
          if (seen.has(name)) continue;
          inner = fragments.get(name);
          path = new Set(seen).add(name);
        }
        if (inner) {
          const m = measure(inner, nextDepth, path);
          deepest = Math.max(deepest, m.depth);
          fields += m.fields;
        }
      }
      return { depth: Math.max(deepest, depth), fields };
    };
    return {
      OperationDefinition(node) {
        const { depth, fields } = measure(node.selectionSet, 0, new Set());
        if (depth > maxDepth)
          context.reportError(
            new GraphQLError(`query: nested ${depth} levels deep; at most ${maxDepth} allowed`, {
              nodes: [node],
            }),
          );
        if (fields > maxFields)
          context.reportError(
            new GraphQLError(`query: selects ${fields} fields; at most ${maxFields} allowed`, {
              nodes: [node],
            }),
          );
      },
    };
  };
}
