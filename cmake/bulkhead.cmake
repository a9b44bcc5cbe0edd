# Bulkhead build helpers, shared by the host and target projects.
#
# Boards: BH_BOARDS lists every board a system is built for by default. Each
# has boards/<board>/board.yaml (for bhgen) and boards/<board>/build.cmake
# (architecture, compiler flags for the kernel and for boxes, QEMU machine).
#
# bh_system(NAME <sys> MANIFEST <yaml> BOXES <box>... [TEST] [BOARDS <b>...]
#           [PATCH_TABLES <script.cmake>])
#   target mode: for each board (default: all of BH_BOARDS) runs bhgen on
#   the manifest (bhgen --board <b>), builds kernel.elf (with the test hooks
#   when TEST is given), one independent image per box (<dir>/<box>/*.c,
#   linked alone at the addresses bhgen assigned), and system.elf (all
#   images at their load addresses, what QEMU boots). Everything lands in
#   build/images/<sys>/ for the board the manifest names ('board:', its
#   home board) and in build/images/<sys>-<board>/ for the others.
#   PATCH_TABLES (tests of the kernel's own boot checks only): a CMake
#   script run with -DTABLES=<gen>/bh_tables.c after bhgen, to corrupt
#   the generated tables in a way bhgen itself would never allow.
# bh_qemu_test(NAME <test> SYSTEM <sys> LABELS <l>... [ARGS ...]
#              [COMMAND <cmd>...] [TIMEOUT s])
#   host mode: registers one ctest per board the system is built for:
#   <test> on its home board, <test>_<board> on the others, each labelled
#   target-<board> besides LABELS. By default the test boots the image with
#   `qemu-run --test` (pass/fail: QEMU's exit status via semihosting, and
#   the TEST PASS line); COMMAND replaces that, with @IMAGE@, @MACHINE@,
#   @BOARD@ and @IMAGES@ (the system's image directory) substituted.

set(BH_IMAGES_DIR ${CMAKE_BINARY_DIR}/images CACHE PATH "where system images go")
if(BH_TARGET)
  set(BH_IMAGES_DIR ${BH_IMAGES_DIR_ARG})
endif()

set(BH_BOARDS an505 an385 an386)
foreach(b ${BH_BOARDS})
  include(${BH_ROOT}/boards/${b}/build.cmake)
  foreach(v ARCH KERNEL_FLAGS BOX_FLAGS KERNEL_DEFS QEMU)
    set(BH_${b}_${v} ${BH_BOARD_${v}})
  endforeach()
endforeach()

set(BH_TARGET_CFLAGS -Os -g -ffunction-sections -fdata-sections
    -fno-common -Wall -Wextra -Werror -Wno-unused-parameter -ffreestanding
    -fdebug-prefix-map=${BH_ROOT}=. -fmacro-prefix-map=${BH_ROOT}=.)

# The board a manifest names ('board: <name>'), into <var>.
function(bh_manifest_board manifest var)
  file(STRINGS ${manifest} line REGEX "^board:[ ]*[A-Za-z0-9_]+")
  string(REGEX REPLACE "^board:[ ]*([A-Za-z0-9_]+).*" "\\1" home "${line}")
  if(NOT home)
    message(FATAL_ERROR "${manifest}: no 'board:' line")
  endif()
  set(${var} ${home} PARENT_SCOPE)
endfunction()

function(bh_add_target_build)
  include(ExternalProject)
  ExternalProject_Add(target
    SOURCE_DIR ${BH_ROOT}
    BINARY_DIR ${CMAKE_BINARY_DIR}/target
    CMAKE_ARGS -DBH_TARGET=ON
               -DCMAKE_TOOLCHAIN_FILE=${BH_ROOT}/cmake/arm-none-eabi.cmake
               -DCMAKE_BUILD_TYPE=MinSizeRel
               -DBH_BHGEN=${CMAKE_BINARY_DIR}/bin/bhgen
               -DBH_IMAGES_DIR_ARG=${BH_IMAGES_DIR}
    BUILD_ALWAYS ON
    INSTALL_COMMAND ""
    DEPENDS bhgen)
endfunction()

function(bh_system)
  cmake_parse_arguments(S "TEST" "NAME;MANIFEST;PATCH_TABLES" "BOXES;BOARDS" ${ARGN})
  set(manifest ${CMAKE_CURRENT_SOURCE_DIR}/${S_MANIFEST})
  bh_manifest_board(${manifest} home)
  if(NOT S_BOARDS)
    set(S_BOARDS ${BH_BOARDS})
  endif()
  set_property(GLOBAL PROPERTY BH_SYSTEM_${S_NAME}_HOME ${home})
  set_property(GLOBAL APPEND PROPERTY BH_SYSTEM_${S_NAME}_BOARDS ${S_BOARDS}) # a system may be built from two dirs
  if(NOT BH_TARGET)
    return()
  endif()
  foreach(board ${S_BOARDS})
    if(board STREQUAL home)
      set(sys ${S_NAME})
    else()
      set(sys ${S_NAME}-${board})
    endif()
    bh_system_for_board(${sys} ${board} ${manifest} "${S_TEST}" "${S_BOXES}" "${S_PATCH_TABLES}")
  endforeach()
endfunction()

# One system image set: <sys> built from <manifest> for <board>.
function(bh_system_for_board S_NAME board manifest S_TEST S_BOXES patch)
  set(gen ${CMAKE_BINARY_DIR}/gen/${S_NAME})
  set(out ${BH_IMAGES_DIR}/${S_NAME})
  set(kflags ${BH_${board}_KERNEL_FLAGS})
  set(bflags ${BH_${board}_BOX_FLAGS})
  set(gen_outputs ${gen}/bh_tables.c ${gen}/bh_ids.h ${gen}/kernel_memory.ld ${gen}/image.ld)
  # A system with a nonsecure/ directory has a non-secure world (TrustZone):
  # veneers in the kernel, and a non-secure image built from that directory.
  set(ns OFF)
  if(IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/nonsecure)
    if(NOT BH_${board}_ARCH STREQUAL armv8m)
      message(FATAL_ERROR "${S_NAME}: a non-secure world needs TrustZone (board ${board} has none): BOARDS an505")
    endif()
    set(ns ON)
    list(APPEND gen_outputs ${gen}/nsc_veneers.c ${gen}/bh_ns.h ${gen}/nonsecure.ld ${gen}/nsc.ldopt)
  endif()
  # The kernel's linker script includes kernel_nsc.ld: where the SG veneers go.
  if(ns)
    file(WRITE ${gen}/kernel_nsc.ld.new "  .gnu.sgstubs ORIGIN(KNSC) : { KEEP(*(.gnu.sgstubs*)) } > KNSC\n")
  else()
    file(WRITE ${gen}/kernel_nsc.ld.new "  /* no non-secure world: no veneers */\n")
  endif()
  file(COPY_FILE ${gen}/kernel_nsc.ld.new ${gen}/kernel_nsc.ld ONLY_IF_DIFFERENT)
  foreach(b ${S_BOXES})
    list(APPEND gen_outputs ${gen}/boxes/${b}.ld ${gen}/boxes/${b}_entry.c)
  endforeach()
  set(patch_cmd)
  if(ns)
    set(patch_cmd COMMAND ${CMAKE_COMMAND} -DMEMORY=${gen}/kernel_memory.ld -DOUT=${gen}/nsc.ldopt
                  -P ${BH_ROOT}/cmake/nsc_section.cmake)
  endif()
  if(patch)
    set(patch ${CMAKE_CURRENT_SOURCE_DIR}/${patch})
    list(APPEND patch_cmd COMMAND ${CMAKE_COMMAND} -DTABLES=${gen}/bh_tables.c -P ${patch})
  endif()
  add_custom_command(OUTPUT ${gen_outputs}
    COMMAND ${BH_BHGEN} --boards ${BH_ROOT}/boards --board ${board} ${manifest} -o ${gen}
    ${patch_cmd}
    DEPENDS ${manifest} ${BH_BHGEN} ${BH_ROOT}/boards/${board}/board.yaml ${patch}
    COMMENT "bhgen ${S_NAME}")
  add_custom_target(gen_${S_NAME} DEPENDS ${gen_outputs})

  # The kernel: the board's generic library + this system's tables.
  set(kelf ${out}/kernel.elf)
  add_executable(kernel_${S_NAME} ${gen}/bh_tables.c)
  if(ns)
    target_sources(kernel_${S_NAME} PRIVATE ${gen}/nsc_veneers.c ${BH_ROOT}/kernel/arch/armv8m/tz.c
      ${BH_ROOT}/kernel/arch/armv8m/nsc.c ${BH_ROOT}/kernel/arch/armv8m/ns_stack.c)
    target_include_directories(kernel_${S_NAME} PRIVATE ${BH_ROOT}/kernel/arch/armv8m)
    target_compile_options(kernel_${S_NAME} PRIVATE -mcmse)
    # The import library: the veneers' addresses, for the non-secure image.
    target_link_options(kernel_${S_NAME} PRIVATE -Wl,--cmse-implib -Wl,--out-implib=${out}/nsc_implib.o
      -Wl,@${gen}/nsc.ldopt)
  else()
    target_sources(kernel_${S_NAME} PRIVATE ${BH_ROOT}/kernel/arch/cortexm/tz_off.c)
  endif()
  if(S_TEST)
    target_link_libraries(kernel_${S_NAME} PRIVATE bh_kernel_test_${board})
  else()
    target_link_libraries(kernel_${S_NAME} PRIVATE bh_kernel_${board})
  endif()
  target_compile_options(kernel_${S_NAME} PRIVATE ${kflags} ${BH_TARGET_CFLAGS})
  target_link_options(kernel_${S_NAME} PRIVATE ${kflags} -nostartfiles --specs=nano.specs
    -L${gen} -T${BH_ROOT}/kernel/arch/cortexm/kernel.ld -Wl,--gc-sections -Wl,--build-id=none
    -Wl,-Map=${out}/kernel.map)
  target_link_libraries(kernel_${S_NAME} PRIVATE c_nano gcc)
  set_target_properties(kernel_${S_NAME} PROPERTIES OUTPUT_NAME kernel SUFFIX .elf
    RUNTIME_OUTPUT_DIRECTORY ${out} LINK_DEPENDS ${gen}/kernel_memory.ld)
  add_dependencies(kernel_${S_NAME} gen_${S_NAME})
  add_custom_command(TARGET kernel_${S_NAME} POST_BUILD
    COMMAND ${CMAKE_OBJCOPY} -O binary ${kelf} ${out}/kernel.bin
    BYPRODUCTS ${out}/kernel.bin)

  set(bins ${out}/kernel.bin)
  set(objs)
  foreach(b ${S_BOXES})
    file(GLOB bsrc CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${b}/*.c)
    set(t box_${S_NAME}_${b})
    add_executable(${t} ${bsrc} ${gen}/boxes/${b}_entry.c)
    target_link_libraries(${t} PRIVATE bh_boxrt_${board})
    target_include_directories(${t} PRIVATE ${gen} ${BH_ROOT}/kernel/include ${CMAKE_CURRENT_SOURCE_DIR})
    target_compile_options(${t} PRIVATE ${bflags} ${BH_TARGET_CFLAGS})
    target_link_options(${t} PRIVATE ${bflags} -nostartfiles --specs=nano.specs
      -T${gen}/boxes/${b}.ld -Wl,--gc-sections -Wl,--build-id=none -Wl,-Map=${out}/${b}.map)
    target_link_libraries(${t} PRIVATE c_nano gcc)
    set_target_properties(${t} PROPERTIES OUTPUT_NAME ${b} SUFFIX .elf
      RUNTIME_OUTPUT_DIRECTORY ${out} LINK_DEPENDS ${gen}/boxes/${b}.ld)
    add_dependencies(${t} gen_${S_NAME})
    add_custom_command(TARGET ${t} POST_BUILD
      COMMAND ${CMAKE_OBJCOPY} -O binary ${out}/${b}.elf ${out}/${b}.bin
      COMMAND ${BH_BHGEN} --seal ${out}/${b}.bin
      BYPRODUCTS ${out}/${b}.bin)
    list(APPEND bins ${out}/${b}.bin)
  endforeach()

  if(ns)
    file(GLOB nsrc CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/nonsecure/*.c)
    set(t ns_${S_NAME})
    add_executable(${t} ${nsrc})
    target_link_libraries(${t} PRIVATE bh_nsrt_${board})
    target_include_directories(${t} PRIVATE ${gen} ${BH_ROOT}/kernel/include ${BH_ROOT}/nsrt/include
      ${CMAKE_CURRENT_SOURCE_DIR})
    target_compile_options(${t} PRIVATE ${bflags} ${BH_TARGET_CFLAGS})
    target_link_options(${t} PRIVATE ${bflags} -nostartfiles --specs=nano.specs
      -T${gen}/nonsecure.ld -Wl,--gc-sections -Wl,--build-id=none -Wl,-Map=${out}/nonsecure.map
      ${out}/nsc_implib.o)
    target_link_libraries(${t} PRIVATE c_nano gcc)
    set_target_properties(${t} PROPERTIES OUTPUT_NAME nonsecure SUFFIX .elf
      RUNTIME_OUTPUT_DIRECTORY ${out} LINK_DEPENDS "${gen}/nonsecure.ld;${kelf}") # kelf: written with nsc_implib.o
    add_dependencies(${t} gen_${S_NAME} kernel_${S_NAME})
    add_custom_command(TARGET ${t} POST_BUILD
      COMMAND ${CMAKE_OBJCOPY} -O binary ${out}/nonsecure.elf ${out}/nonsecure.bin
      BYPRODUCTS ${out}/nonsecure.bin)
    list(APPEND bins ${out}/nonsecure.bin)
  endif()

  # system.elf: every image at its load address, as a flash programmer would.
  foreach(bin ${bins})
    get_filename_component(n ${bin} NAME)
    set(o ${CMAKE_CURRENT_BINARY_DIR}/${S_NAME}_obj/${n}.o)
    add_custom_command(OUTPUT ${o}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/${S_NAME}_obj
      COMMAND ${CMAKE_COMMAND} -E chdir ${out} ${CMAKE_OBJCOPY} -I binary -O elf32-littlearm -B arm
              --rename-section .data=.image,alloc,load,readonly,data,contents ${n} ${o}
      DEPENDS ${bin})
    list(APPEND objs ${o})
  endforeach()
  add_custom_command(OUTPUT ${out}/system.elf
    COMMAND arm-none-eabi-ld -T ${gen}/image.ld -o ${out}/system.elf ${objs}
    DEPENDS ${objs} ${gen}/image.ld
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/${S_NAME}_obj
    COMMENT "system image ${S_NAME}")
  add_custom_target(system_${S_NAME} ALL DEPENDS ${out}/system.elf)
  foreach(b ${S_BOXES})
    add_dependencies(system_${S_NAME} box_${S_NAME}_${b})
  endforeach()
  add_dependencies(system_${S_NAME} kernel_${S_NAME})
  if(ns)
    add_dependencies(system_${S_NAME} ns_${S_NAME})
  endif()
endfunction()

function(bh_qemu_test)
  cmake_parse_arguments(T "" "NAME;SYSTEM;TIMEOUT" "LABELS;ARGS;COMMAND" ${ARGN})
  if(BH_TARGET)
    return()
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 60)
  endif()
  get_property(home GLOBAL PROPERTY BH_SYSTEM_${T_SYSTEM}_HOME)
  get_property(boards GLOBAL PROPERTY BH_SYSTEM_${T_SYSTEM}_BOARDS)
  if(NOT boards)
    message(FATAL_ERROR "bh_qemu_test ${T_NAME}: unknown system ${T_SYSTEM} (bh_system first)")
  endif()
  foreach(board ${boards})
    if(board STREQUAL home)
      set(name ${T_NAME})
      set(dir ${BH_IMAGES_DIR}/${T_SYSTEM})
    else()
      set(name ${T_NAME}_${board})
      set(dir ${BH_IMAGES_DIR}/${T_SYSTEM}-${board})
    endif()
    if(T_COMMAND)
      set(cmd)
      foreach(a ${T_COMMAND})
        string(REPLACE "@IMAGE@" "${dir}/system.elf" a "${a}")
        string(REPLACE "@IMAGES@" "${dir}" a "${a}")
        string(REPLACE "@MACHINE@" "${BH_${board}_QEMU}" a "${a}")
        string(REPLACE "@BOARD@" "${board}" a "${a}")
        list(APPEND cmd "${a}")
      endforeach()
    else()
      set(cmd ${BH_ROOT}/scripts/qemu-run --test --machine ${BH_${board}_QEMU} ${T_ARGS} ${dir}/system.elf)
    endif()
    add_test(NAME ${name} COMMAND ${cmd})
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS};target-${board}" TIMEOUT ${T_TIMEOUT})
  endforeach()
endfunction()
