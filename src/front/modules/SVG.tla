----------------------------- MODULE SVG -----------------------------
(***************************************************************************)
(* brink's own definition of the community module SVG: building SVG        *)
(* drawings as TLA+ values and turning them into SVG text.                 *)
(*                                                                         *)
(* An SVG element is a record                                              *)
(*    [name |-> "rect", attrs |-> [x |-> "1", ...],                        *)
(*     children |-> <<...>>, innerText |-> ""]                             *)
(* where attrs maps attribute names to strings (pass <<>> for none) and    *)
(* children is a sequence of elements (or a function, taken in the order   *)
(* of its domain).  Coordinates and sizes are given as integers.           *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE TLC

(* Fail(msg) stops the evaluation with the message msg (through Assert).  *)
(* The CHOOSE behind the failing guard is never evaluated: it only lets    *)
(* Fail(msg) stand where a value of any kind is expected.                  *)
LOCAL Fail(msg) == CASE Assert(FALSE, msg) -> CHOOSE v \in {} : TRUE

(* The attributes of r1 together with those of r2 that r1 lacks.           *)
LOCAL Merge(r1, r2) ==
  [k \in DOMAIN r1 \cup DOMAIN r2 |-> IF k \in DOMAIN r1 THEN r1[k] ELSE r2[k]]

(* The string s with every occurrence of the non-empty string old replaced *)
(* by new, scanning from the left.                                         *)
LOCAL Replace(s, old, new) ==
  LET n == Len(old)
      RECURSIVE From(_)
      From(i) ==
        IF i > Len(s) THEN ""
        ELSE IF i + n - 1 <= Len(s) /\ SubSeq(s, i, i + n - 1) = old
             THEN new \o From(i + n)
             ELSE SubSeq(s, i, i) \o From(i + 1)
  IN  From(1)

(* The values of f in the order of its domain: ascending for integer       *)
(* arguments (sequences in particular), the order of CHOOSE otherwise.     *)
LOCAL InOrder(f) ==
  LET D == DOMAIN f
      RECURSIVE List(_)
      List(T) ==
        IF T = {} THEN << >>
        ELSE LET k == IF T \subseteq Int THEN CHOOSE i \in T : \A j \in T : i <= j
                       ELSE CHOOSE i \in T : TRUE
             IN  <<f[k]>> \o List(T \ {k})
  IN  List(D)

(* The element named _name with the given attributes, children and text.   *)
SVGElem(_name, _attrs, _children, _innerText) ==
  [name |-> _name, attrs |-> _attrs, children |-> _children, innerText |-> _innerText]

(* A line from (x1, y1) to (x2, y2).                                       *)
Line(x1, y1, x2, y2, attrs) ==
  SVGElem("line",
          Merge([x1 |-> ToString(x1), y1 |-> ToString(y1),
                 x2 |-> ToString(x2), y2 |-> ToString(y2)], attrs),
          << >>, "")

(* A circle with centre (cx, cy) and radius r.                             *)
Circle(cx, cy, r, attrs) ==
  SVGElem("circle",
          Merge([cx |-> ToString(cx), cy |-> ToString(cy), r |-> ToString(r)], attrs),
          << >>, "")

(* A rectangle with top-left corner (x, y), width w and height h.          *)
Rect(x, y, w, h, attrs) ==
  SVGElem("rect",
          Merge([x |-> ToString(x), y |-> ToString(y),
                 width |-> ToString(w), height |-> ToString(h)], attrs),
          << >>, "")

(* The string text placed at (x, y).                                       *)
Text(x, y, text, attrs) ==
  SVGElem("text", Merge([x |-> ToString(x), y |-> ToString(y)], attrs), << >>, text)

(* The image found at href, placed at (x, y) with the given size.          *)
Image(x, y, width, height, href, attrs) ==
  SVGElem("image",
          Merge(("xlink:href" :> href @@ "x" :> ToString(x) @@ "y" :> ToString(y)
                 @@ "width" :> ToString(width) @@ "height" :> ToString(height)), attrs),
          << >>, "")

(* A group of elements, and an svg container of elements.                  *)
Group(children, attrs) == SVGElem("g", attrs, children, "")
Svg(children, attrs) == SVGElem("svg", attrs, children, "")

(* A complete SVG document holding the element `children', with the view   *)
(* box (vbX, vbY, vbW, vbH) and the SVG name spaces.                       *)
SVGDoc(children, vbX, vbY, vbW, vbH, attrs) ==
  Svg(<<children>>,
      Merge(("xmlns:xlink" :> "http://www.w3.org/1999/xlink"
             @@ "xmlns" :> "http://www.w3.org/2000/svg"
             @@ "viewBox" :> ToString(vbX) \o " " \o ToString(vbY) \o " "
                             \o ToString(vbW) \o " " \o ToString(vbH)),
            attrs))

(***************************************************************************)
(* The SVG text of an element:                                             *)
(*    <name a1='v1' a2='v2'>innerText children</name>                      *)
(* Underscores in attribute names become dashes (so a record field         *)
(* stroke_width gives stroke-width), and "<<" and ">>" in the inner text   *)
(* are escaped.  Attributes come in the order CHOOSE takes their names.    *)
(***************************************************************************)
SVGElemToString(elem) ==
  LET RECURSIVE Str(_)
      Str(e) ==
        LET RECURSIVE Attrs(_)
            Attrs(D) ==
              IF D = {} THEN ""
              ELSE LET k == CHOOSE a \in D : TRUE
                   IN  " " \o Replace(k, "_", "-") \o "='" \o e.attrs[k] \o "'"
                       \o Attrs(D \ {k})
            kids == InOrder(e.children)
            RECURSIVE Kids(_)
            Kids(i) == IF i > Len(kids) THEN "" ELSE Str(kids[i]) \o Kids(i + 1)
            text == Replace(Replace(e.innerText, "<<", "&lt;&lt;"), ">>", "&gt;&gt;")
        IN  "<" \o e.name \o Attrs(DOMAIN e.attrs) \o ">" \o text \o Kids(1)
            \o "</" \o e.name \o ">"
  IN  Str(elem)

-------------------------------------------------------------------------------

(* sin and cos of the angle 2*pi*n/m, scaled by 10^12 (Taylor series on    *)
(* the first quadrant, rounded to within a few units).                     *)
LOCAL Scale == 1000000000000
LOCAL PiScaled == 3141592653590
LOCAL SinCos(n, m) ==
  LET q == ((4 * n) \div m) % 4               \* quadrant of the angle
      r == (4 * n) % m                        \* position inside it, out of m
      a == (PiScaled * r) \div (2 * m)        \* the angle inside the quadrant
      \* the Taylor term after `term' (the k-th): -term * a^2 / ((k+1)(k+2))
      Next(term, k) ==
        LET mag == ((IF term < 0 THEN -term ELSE term) * a * a)
                     \div (Scale * Scale * (k + 1) * (k + 2))
        IN  IF term < 0 THEN mag ELSE -mag
      RECURSIVE Series(_, _, _)
      Series(term, k, acc) ==
        IF term = 0 THEN acc ELSE Series(Next(term, k), k + 2, acc + term)
      sin0 == Series(a, 1, 0)
      cos0 == Series(Scale, 0, 0)
  IN  CASE q = 0 -> [sin |-> sin0, cos |-> cos0]
        [] q = 1 -> [sin |-> cos0, cos |-> -sin0]
        [] q = 2 -> [sin |-> -sin0, cos |-> -cos0]
        [] q = 3 -> [sin |-> -cos0, cos |-> sin0]

(* c + r * t / Scale as an integer: truncated towards zero like TLC's      *)
(* conversion of a floating-point number, except that values within        *)
(* rounding distance of an integer count as that integer.                  *)
LOCAL Place(c, r, t) ==
  LET v == c * Scale + r * t
      near == ((v + Scale \div 2) \div Scale) * Scale
      slack == 1000 * ((IF r < 0 THEN -r ELSE r) + 1)
  IN  IF v - near <= slack /\ near - v <= slack THEN near \div Scale
      ELSE IF v >= 0 THEN v \div Scale ELSE -((-v) \div Scale)

(***************************************************************************)
(* The coordinates [x |-> .., y |-> ..] of the n-th of m nodes placed      *)
(* evenly on the circle of radius r around (cx, cy), starting at angle 0   *)
(* (to the right of the centre) and turning by 2*pi/m per node.            *)
(***************************************************************************)
NodeOfRingNetwork(cx, cy, r, n, m) ==
  LET sc == SinCos(n, m)
  IN  [x |-> Place(cx, r, sc.cos), y |-> Place(cy, r, sc.sin)]

(* TLC lays out a graph with an external graph-drawing library; brink      *)
(* cannot, and evaluating this fails with a message saying so.            *)
NodesOfDirectedMultiGraph(nodes, edges, options) ==
  Fail("NodesOfDirectedMultiGraph (module SVG) is not supported by brink")

(* The point 1/segment of the way from `from' to `to' (records with x and  *)
(* y), coordinates truncated towards zero.                                 *)
PointOnLine(from, to, segment) ==
  LET Abs(v) == IF v < 0 THEN -v ELSE v
      \* num / den truncated towards zero
      Trunc(num, den) == IF (num < 0) = (den < 0) THEN Abs(num) \div Abs(den)
                         ELSE -(Abs(num) \div Abs(den))
  IN  [x |-> Trunc(from.x * segment + (to.x - from.x), segment),
       y |-> Trunc(from.y * segment + (to.y - from.y), segment)]

-------------------------------------------------------------------------------

(* Writes SVGElemToString(svg) to the file <frameNamePrefix><frameNumber>.svg *)
(* (input/output: not supported by brink).                                 *)
SVGSerialize(svg, frameNamePrefix, frameNumber) ==
  Fail("SVGSerialize (module SVG) writes a file, which brink does not support")

=============================================================================
