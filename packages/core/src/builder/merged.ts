/**
 * Object types that grow step after step without nesting: the variables after each Assign, the
 * input with each `resultField` result merged in.
 *
 * Why not a mapped type over the previous object (`{ [K in keyof (Prev & New)]: … }`, as these
 * were)? TypeScript instantiates a chain's types again at every call (the call's own type
 * arguments), and a mapped type is instantiated again together with the type arguments it was
 * built from, so a mapped type over the previous object is re-instantiated one level per earlier
 * step: past about 100 steps TypeScript stops with TS2589 ("instantiation is excessively deep").
 * A {@link Merged} object is built from the step *sources* (the Assign objects, the merged result,
 * the first input) and never from an earlier merged object, so its depth stays the same however
 * many steps came before.
 */

/**
 * An object made of `Fields`, the intersection of its sources. `Sources` are the same sources as a
 * union, kept (only as the alias's type argument: they add no field) so that a later step can drop
 * a replaced field from them, as an intersection cannot be taken apart. Mapping over
 * `keyof (Fields & {})` makes the mapped type homomorphic: each field keeps its `?` and `readonly`
 * and a link to the declaration it came from, so "rename symbol" and "find references" follow a
 * field or variable through any number of merges. Shown in hovers as `Merged<fields, sources>`.
 */
// `Sources` is read back by inference from the alias's type arguments (MergeFields).
export type Merged<Fields, Sources> = { readonly [K in keyof (Fields & {})]: (Fields & {})[K] };

/**
 * `Base` with the fields of `Source` added, or replacing the same fields of `Base`: one
 * {@link Merged} object. A union `Base` is merged member by member (each member keeps its fields).
 */
export type MergeFields<Base, Source> = Base extends Merged<infer Fields, infer Sources>
  ? unknown extends Sources
    ? FirstMerge<Base, Source> // a plain object: nothing was inferred for its sources
    : NextMerged<Fields, Sources, Source>
  : FirstMerge<Base, Source>;

/** Onto a plain object (not yet merged), which is the one source of itself; onto `unknown` or `{}`, the source alone. */
type FirstMerge<Base, Source> = unknown extends Base ? Source : [keyof Base] extends [never] ? Source : NextMerged<Base, Base, Source>;

/**
 * Adding new fields extends the intersection; replacing a field rebuilds it from the sources
 * without that field (only replacements pay for taking a union apart).
 */
type NextMerged<Fields, Sources, Source> = [keyof Source & keyof Fields] extends [never]
  ? Merged<Fields & Source, Sources | Source>
  : Merged<AllOf<Without<Sources, keyof Source> | Source>, Without<Sources, keyof Source> | Source>;

/**
 * The sources without the fields `Replaced`. A source that has some of them is split into one
 * object per remaining field, each picked from that source (homomorphic, so its links and
 * modifiers stay): splitting again never happens, so sources never nest.
 */
type Without<Sources, Replaced> = Sources extends unknown
  ? [keyof Sources & Replaced] extends [never]
    ? Sources
    : { [K in keyof Sources]-?: K extends Replaced ? never : { readonly [P in K]: Sources[P] } }[keyof Sources]
  : never;

/** The intersection of a union's members. */
type AllOf<U> = (U extends unknown ? (member: U) => void : never) extends (all: infer I) => void ? I : never;
