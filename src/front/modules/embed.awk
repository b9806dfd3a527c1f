# embed.awk -- turns the TLA+ modules given as arguments into the C table
# of library.h: one entry per file, its text as C string literals.
BEGIN {
  print "/* Generated from the modules in src/modules by embed.awk. */"
  print "#include \"library.h\""
  print "const LibraryModule library_modules[] = {"
}
FNR == 1 {
  if (n++) print "  },"
  f = FILENAME
  sub(/.*\//, "", f)
  sub(/\.tla$/, "", f)
  printf "  {\"%s\",\n", f
}
{
  out = ""
  for (i = 1; i <= length($0); i++) {
    c = substr($0, i, 1)
    if (c == "\\" || c == "\"" || c == "?")
      out = out "\\"
    out = out c
  }
  printf "   \"%s\\n\"\n", out
}
END {
  if (n) print "  },"
  print "  {0, 0}};"
  printf "const int library_count = %d;\n", n
}
