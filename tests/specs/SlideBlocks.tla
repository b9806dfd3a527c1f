---------------------------- MODULE SlideBlocks ----------------------------
(* A sliding-block puzzle on a 3 x 2 board: the board is a set of pieces,  *)
(* each a set of cells.  A move picks an empty cell and a direction, finds  *)
(* the piece next to it with CHOOSE and shifts it by one.  Goal fails once *)
(* the domino reaches the bottom right (four moves).  The symbolic engine  *)
(* keeps the pieces, sets of constant cells, as characteristic vectors.    *)
EXTENDS Integers, FiniteSets

VARIABLE board

Pos == (0 .. 2) \X (0 .. 1)
Dirs == {<<1, 0>>, <<-1, 0>>, <<0, 1>>, <<0, -1>>}

Init == board = {{<<0, 0>>, <<1, 0>>}, {<<0, 1>>}, {<<1, 1>>}}

Occupied == UNION board
PieceAt(p) == CHOOSE pc \in board : p \in pc
Shift(pc, d) == {<<q[1] + d[1], q[2] + d[2]>> : q \in pc}

Next == \E e \in Pos \ Occupied, d \in Dirs :
          LET s == <<e[1] - d[1], e[2] - d[2]>>
          IN  /\ s \in Occupied
              /\ LET pc == PieceAt(s)
                     m == Shift(pc, d)
                 IN  /\ m \subseteq Pos
                     /\ m \cap UNION (board \ {pc}) = {}
                     /\ board' = (board \ {pc}) \cup {m}

TypeOK == /\ board \in SUBSET SUBSET Pos
          /\ Cardinality(Occupied) = 4

Goal == {<<1, 1>>, <<2, 1>>} \notin board
=============================================================================
