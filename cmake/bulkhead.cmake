# Bulkhead build helpers, shared by the host and target projects.
#
# bh_system(NAME <sys> MANIFEST <yaml> BOXES <box>... [TEST])
#   target mode: runs bhgen on the manifest, builds kernel.elf (with the
#   test hooks when TEST is given), one independent image per box
#   (<dir>/<box>/*.c, linked alone at the addresses bhgen assigned), and
#   system.elf (all images at their load addresses, what QEMU boots).
#   Everything lands in build/images/<sys>/.
# bh_qemu_test(NAME <test> SYSTEM <sys> LABELS <l>... [ARGS ...])
#   host mode: registers a ctest that boots build/images/<sys>/system.elf
#   under QEMU; pass/fail is QEMU's exit status (semihosting).

set(BH_IMAGES_DIR ${CMAKE_BINARY_DIR}/images CACHE PATH "where system images go")
if(BH_TARGET)
  set(BH_IMAGES_DIR ${BH_IMAGES_DIR_ARG})
endif()

set(BH_ARCH_FLAGS -mcpu=cortex-m33 -mthumb -mfloat-abi=soft)
set(BH_TARGET_CFLAGS ${BH_ARCH_FLAGS} -Os -g -ffunction-sections -fdata-sections
    -fno-common -Wall -Wextra -Werror -Wno-unused-parameter -ffreestanding
    -fdebug-prefix-map=${BH_ROOT}=. -fmacro-prefix-map=${BH_ROOT}=.)

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
  cmake_parse_arguments(S "TEST" "NAME;MANIFEST" "BOXES" ${ARGN})
  if(NOT BH_TARGET)
    return()
  endif()
  set(gen ${CMAKE_BINARY_DIR}/gen/${S_NAME})
  set(out ${BH_IMAGES_DIR}/${S_NAME})
  set(manifest ${CMAKE_CURRENT_SOURCE_DIR}/${S_MANIFEST})
  set(gen_outputs ${gen}/bh_tables.c ${gen}/bh_ids.h ${gen}/kernel_memory.ld ${gen}/image.ld)
  foreach(b ${S_BOXES})
    list(APPEND gen_outputs ${gen}/boxes/${b}.ld ${gen}/boxes/${b}_entry.c)
  endforeach()
  add_custom_command(OUTPUT ${gen_outputs}
    COMMAND ${BH_BHGEN} --boards ${BH_ROOT}/boards ${manifest} -o ${gen}
    DEPENDS ${manifest} ${BH_BHGEN}
    COMMENT "bhgen ${S_NAME}")
  add_custom_target(gen_${S_NAME} DEPENDS ${gen_outputs})

  # The kernel: generic library + this system's tables.
  set(kelf ${out}/kernel.elf)
  add_executable(kernel_${S_NAME} ${gen}/bh_tables.c)
  if(S_TEST)
    target_link_libraries(kernel_${S_NAME} PRIVATE bh_kernel_test)
  else()
    target_link_libraries(kernel_${S_NAME} PRIVATE bh_kernel)
  endif()
  target_include_directories(kernel_${S_NAME} PRIVATE ${BH_ROOT}/kernel/core ${BH_ROOT}/kernel/include)
  target_compile_options(kernel_${S_NAME} PRIVATE ${BH_TARGET_CFLAGS})
  target_link_options(kernel_${S_NAME} PRIVATE ${BH_ARCH_FLAGS} -nostartfiles --specs=nano.specs
    -L${gen} -T${BH_ROOT}/kernel/arch/armv8m/kernel.ld -Wl,--gc-sections -Wl,--build-id=none
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
    target_link_libraries(${t} PRIVATE bh_boxrt)
    target_include_directories(${t} PRIVATE ${gen} ${BH_ROOT}/kernel/include ${CMAKE_CURRENT_SOURCE_DIR})
    target_compile_options(${t} PRIVATE ${BH_TARGET_CFLAGS})
    target_link_options(${t} PRIVATE ${BH_ARCH_FLAGS} -nostartfiles --specs=nano.specs
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
endfunction()

function(bh_qemu_test)
  cmake_parse_arguments(T "" "NAME;SYSTEM;TIMEOUT" "LABELS;ARGS" ${ARGN})
  if(BH_TARGET)
    return()
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 60)
  endif()
  add_test(NAME ${T_NAME}
    COMMAND ${BH_ROOT}/scripts/qemu-run --test ${T_ARGS} ${BH_IMAGES_DIR}/${T_SYSTEM}/system.elf)
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT})
endfunction()
