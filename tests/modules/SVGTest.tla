------------------------------- MODULE SVGTest -------------------------------
(* Checks brink's SVG module: the element builders and the geometry        *)
(* helpers on small inputs (expected values by hand).  The operators that  *)
(* build strings are checked in StringOpsTest.                             *)
EXTENDS SVG, Integers, Sequences, TLC
VARIABLE x

ASSUME SVGElem("path", ("d" :> "M 0 0"), << >>, "") =
         [name |-> "path", attrs |-> [d |-> "M 0 0"], children |-> << >>, innerText |-> ""]
ASSUME Line(0, 1, 10, 11, << >>) =
         [name |-> "line", attrs |-> [x1 |-> "0", y1 |-> "1", x2 |-> "10", y2 |-> "11"],
          children |-> << >>, innerText |-> ""]
ASSUME Circle(5, 6, 2, ("fill" :> "red")) =
         [name |-> "circle", attrs |-> [cx |-> "5", cy |-> "6", r |-> "2", fill |-> "red"],
          children |-> << >>, innerText |-> ""]
\* the element's own attributes win over those passed in
ASSUME Circle(5, 6, 2, ("r" :> "9")).attrs.r = "2"
ASSUME Rect(1, 2, 30, 40, << >>).attrs =
         [x |-> "1", y |-> "2", width |-> "30", height |-> "40"]
ASSUME Rect(-1, 2, 3, 4, << >>).attrs.x = "-1"
ASSUME Text(3, 4, "hi", << >>) =
         [name |-> "text", attrs |-> [x |-> "3", y |-> "4"], children |-> << >>,
          innerText |-> "hi"]
ASSUME Image(1, 2, 3, 4, "a.png", << >>).attrs =
         ("xlink:href" :> "a.png" @@ "x" :> "1" @@ "y" :> "2" @@ "width" :> "3"
          @@ "height" :> "4")
ASSUME Group(<<Text(0, 0, "a", << >>)>>, ("id" :> "g1")) =
         [name |-> "g", attrs |-> [id |-> "g1"], children |-> <<Text(0, 0, "a", << >>)>>,
          innerText |-> ""]
ASSUME Svg(<< >>, << >>) = [name |-> "svg", attrs |-> << >>, children |-> << >>, innerText |-> ""]

\* n-th of m nodes on a circle of radius 5 around (10, 10)
ASSUME NodeOfRingNetwork(10, 10, 5, 0, 4) = [x |-> 15, y |-> 10]
ASSUME NodeOfRingNetwork(10, 10, 5, 1, 4) = [x |-> 10, y |-> 15]
ASSUME NodeOfRingNetwork(10, 10, 5, 2, 4) = [x |-> 5, y |-> 10]
ASSUME NodeOfRingNetwork(10, 10, 5, 3, 4) = [x |-> 10, y |-> 5]
ASSUME NodeOfRingNetwork(10, 10, 5, 4, 4) = [x |-> 15, y |-> 10]
\* 45 degrees: 10 + 5 * 0.7071 = 13.54 -> 13;  135 degrees: 10 - 3.54 = 6.46 -> 6
ASSUME NodeOfRingNetwork(10, 10, 5, 1, 8) = [x |-> 13, y |-> 13]
ASSUME NodeOfRingNetwork(10, 10, 5, 3, 8) = [x |-> 6, y |-> 13]
ASSUME NodeOfRingNetwork(10, 10, 5, 5, 8) = [x |-> 6, y |-> 6]
\* 60 degrees, radius 100: cos = 0.5 -> 50, sin = 0.8660 -> 86.60 -> 86
ASSUME NodeOfRingNetwork(0, 0, 100, 1, 6) = [x |-> 50, y |-> 86]
\* 30 degrees (1 of 12), radius 100 around (200, 100): 200 + 86.60, 100 + 50
ASSUME NodeOfRingNetwork(200, 100, 100, 1, 12) = [x |-> 286, y |-> 150]
\* 240 degrees: cos = -0.5 -> -50, sin = -0.8660 -> -86.60 -> -86 (towards 0)
ASSUME NodeOfRingNetwork(0, 0, 100, 4, 6) = [x |-> -50, y |-> -86]

ASSUME PointOnLine([x |-> 0, y |-> 0], [x |-> 10, y |-> 20], 2) = [x |-> 5, y |-> 10]
ASSUME PointOnLine([x |-> 1, y |-> 1], [x |-> 4, y |-> 1], 2) = [x |-> 2, y |-> 1]
\* 0 + (-5) / 2 = -2.5 -> -2 (truncated towards zero)
ASSUME PointOnLine([x |-> 0, y |-> 0], [x |-> -5, y |-> 0], 2) = [x |-> -2, y |-> 0]

\* not evaluated: graph layout and file output are not supported
U1 == NodesOfDirectedMultiGraph({"a"}, {}, [algo |-> "Sugiyama"])
U2 == SVGSerialize(Svg(<< >>, << >>), "frame_", 1)
U3 == SVGDoc(<< >>, 0, 0, 10, 10, << >>)
U4 == SVGElemToString(Svg(<< >>, << >>))

Init == x = 0
Next == x' = x
=============================================================================
