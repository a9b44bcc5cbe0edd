# Run after bhgen for a system with a non-secure world:
#   cmake -DMEMORY=<gen>/kernel_memory.ld -DOUT=<gen>/nsc.ldopt -P nsc_section.cmake
# GNU ld must be told the address of .gnu.sgstubs (the SG veneers) on its
# command line; it is the origin of the KNSC window bhgen reserved.
file(STRINGS ${MEMORY} line REGEX "KNSC \\(rx\\) : ORIGIN = 0x[0-9A-Fa-f]+")
string(REGEX REPLACE ".*ORIGIN = (0x[0-9A-Fa-f]+).*" "\\1" origin "${line}")
if(NOT origin MATCHES "^0x")
  message(FATAL_ERROR "${MEMORY}: no KNSC window (a system with nonsecure/ needs a nonsecure: section)")
endif()
file(WRITE ${OUT} "--section-start=.gnu.sgstubs=${origin}\n")
