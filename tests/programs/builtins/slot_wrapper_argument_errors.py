# Argument-count errors of slot wrappers (check_num_args and PyArg_UnpackTuple with an empty name)
for t in ['[].__len__(x=1)','object().__eq__()','object().__eq__(1,2)','object().__setattr__(1)','object().__delattr__()','(1).__add__()','iter([]).__next__(1)', 'property().__get__()', 'property().__get__(1,2,3)', 'property().__set__(1)', 'object.__getattribute__(1)', '(1).__neg__(1)', 'dict.__len__({}, 1)','object().__hash__(1)', 'object().__repr__(1)']:
    try:
        eval(t); print(t,'ok')
    except TypeError as e:
        print(t, '->', repr(str(e)))
