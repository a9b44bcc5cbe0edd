# Run after bhgen (bh_system PATCH_TABLES): -DTABLES=<gen>/bh_tables.c.
# Shrinks box 'lone's RAM (ram_size and its RAM region) by 32 bytes, to a
# size that is valid on a 32-byte granule but not one PMSAv7 region.
file(READ ${TABLES} t)
string(REGEX MATCHALL "\\.size = 0x00000600u, \\.access = 0x3u" hits "${t}")
list(LENGTH hits n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "patch_tables: expected one RAM region of 0x600 bytes in ${TABLES}, found ${n}")
endif()
string(REPLACE ".size = 0x00000600u, .access = 0x3u" ".size = 0x000005E0u, .access = 0x3u" t "${t}")
string(REPLACE ".ram_size = 0x00000600u" ".ram_size = 0x000005E0u" t "${t}")
file(WRITE ${TABLES} "${t}")
