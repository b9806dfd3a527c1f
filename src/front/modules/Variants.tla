------------------------------- MODULE Variants -------------------------------
(***************************************************************************)
(* brink's own definition of Apalache's Variants module: a variant is a    *)
(* record with a tag and a value, as the module documents.                 *)
(***************************************************************************)
LOCAL INSTANCE TLC

(* The value of the unit type.                                              *)
UNIT == "U_OF_UNIT"

Variant(tag, value) == [tag |-> tag, value |-> value]

VariantTag(variant) == variant.tag

(* The values of the variants of set tagged with tag.                      *)
VariantFilter(tag, set) == { v.value : v \in { e \in set : e.tag = tag } }

VariantGetUnsafe(tag, variant) == variant.value

VariantGetOrElse(tag, variant, defaultValue) ==
  IF variant.tag = tag THEN variant.value ELSE defaultValue
===============================================================================
